/**
 * The device layer of the till (Electron main process or plain Node, never the renderer):
 * node-hid host, report decoders, recordings.
 */
export * from './events';
export { bytesToText, isAimId, splitAimPrefix, symbologyName } from './aim';
export { barcodeEvent, barcodeEventFromText } from './barcode-event';
export { BootKeyboardDecoder, type BootKeyboardOptions } from './boot-keyboard';
export { classifyScan, gs1CheckDigit, isGtin, type ScanClass } from './classify';
export { createDecoder, DEVICE_KINDS, isDeviceKind, kindForUsage, type DecoderOptions, type DeviceKind } from './decoders';
export { topLevelUsage, type TopLevelUsage } from './descriptor';
export {
  HidHost,
  HidUnavailableError,
  loadNodeHid,
  matchesDevice,
  vidPid,
  type DeviceMatcher,
  type HidApi,
  type HidDeviceInfo,
  type HidHandle,
  type HidHostEvents,
  type HidHostOptions,
  type OpenedDevice,
  type OpenOptions,
  type RawReport,
  type RejectedReport,
} from './hid-host';
export { decodeHidPosReport, HidPosAssembler, HIDPOS_USAGE_PAGE, type HidPosAssemblerOptions, type HidPosFragment } from './hid-pos';
export { cardFromSwipeText, cardFromTracks, looksLikeTrackText, parseTrack1, parseTrack2, type TrackFields } from './iso7813';
export { decodeMagTekReport, MAGTEK_REPORT_BYTES, MagTekDecoder, MSR_USAGE_PAGE } from './magtek';
export {
  formatRecording,
  formatRecordingHeader,
  formatReportLine,
  parseRecording,
  RecordingParseError,
  type HidRecordedReport,
  type HidRecording,
} from './recording';
export { kindForRecording, replayRecording, type KindChoice, type RejectedLine, type ReplayLine } from './replay';
