/**
 * A small demo product catalogue so scanned product barcodes become sale lines (a real till asks
 * the commerce graph). Unknown barcodes open manual entry with the code filled in.
 */
export interface Product {
  gtin: string;
  productId: string;
  name: string;
  categoryId: string;
  /** Minor units. */
  unitPrice: number;
}

export const CATALOGUE: Product[] = [
  { gtin: '5000112637922', productId: 'lipstick-red', name: 'Lipstick, red', categoryId: 'beauty', unitPrice: 1299 },
  { gtin: '5010029000016', productId: 'bread-white', name: 'White bread', categoryId: 'bakery', unitPrice: 145 },
  { gtin: '5000128104517', productId: 'milk-2l', name: 'Milk 2 l', categoryId: 'dairy', unitPrice: 165 },
  { gtin: '5012345678900', productId: 'jeans-slim', name: 'Slim jeans', categoryId: 'clothing', unitPrice: 4500 },
  { gtin: '5099999999994', productId: 'headphones', name: 'Headphones', categoryId: 'electronics', unitPrice: 12999 },
  { gtin: '4006381333931', productId: 'coffee-card', name: 'Coffee card', categoryId: 'cafe', unitPrice: 500 },
];

export function findProduct(gtin: string): Product | undefined {
  return CATALOGUE.find((p) => p.gtin === gtin);
}
