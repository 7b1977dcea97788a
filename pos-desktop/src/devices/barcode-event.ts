import { splitAimPrefix, symbologyName } from './aim';
import type { BarcodeScanned } from './events';

/** Builds a `barcode-scanned` event, naming the symbology when the AIM id is one we know. */
export function barcodeEvent(data: string, symbology: string | null, deviceId?: string): BarcodeScanned {
  const name = symbology === null ? undefined : symbologyName(symbology);
  return {
    kind: 'barcode-scanned',
    data,
    symbology,
    ...(name === undefined ? {} : { symbologyName: name }),
    ...(deviceId === undefined ? {} : { deviceId }),
  };
}

/** Builds a `barcode-scanned` event from keyboard-mode text that may start with an AIM id. */
export function barcodeEventFromText(text: string, deviceId?: string): BarcodeScanned {
  const { symbology, data } = splitAimPrefix(text);
  return barcodeEvent(data, symbology, deviceId);
}
