import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A coupon's code as the till scans it: a QR code and a Code 128 barcode of its `barcodePayload`,
 * both as data: URL images (the page's CSP allows `img-src data:`), with the grouped code to read
 * out when scanning fails. The barcode library is loaded on first use, so the portal's first paint
 * does not wait for it.
 */
export function CouponCode({ payload, displayCode }: { payload: string; displayCode: string }) {
  const [qr, setQr] = useState<string | null>(null);
  const [barcode, setBarcode] = useState<string | null>(null);
  const [problem, setProblem] = useState(false);

  useEffect(() => {
    let live = true;
    QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 2, width: 360 })
      .then((url) => live && setQr(url))
      .catch(() => live && setProblem(true));
    import('bwip-js/browser')
      .then(({ code128, drawingSVG }) => {
        const svg = code128({ bcid: 'code128', text: payload, scale: 2, height: 12, includetext: false, paddingwidth: 8, paddingheight: 4, backgroundcolor: 'FFFFFF' }, drawingSVG());
        if (live) setBarcode(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      // the QR code and the printed code still work without it
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [payload]);

  return (
    <div className="coupon-code">
      {qr ? <img src={qr} alt={`QR code of coupon ${displayCode}`} width={180} height={180} /> : !problem && <div className="coupon-code-placeholder" aria-hidden="true" />}
      {barcode && <img className="coupon-barcode" src={barcode} alt={`Barcode of coupon ${displayCode}`} />}
      <div className="coupon-display-code">{displayCode}</div>
    </div>
  );
}
