import { bigcommerce } from './bigcommerce';
import { demoCatalogue } from './demo-catalogue';
import { saleor } from './saleor';
import type { StandIn } from './stand-in';
import { storefront } from './storefront';

export { bigcommerce, demoCatalogue, saleor, storefront };
export * from './stand-in';

/** Every stand-in commerce graph; each composition and gateway test runs against all of them. */
export const STAND_INS: readonly StandIn[] = [storefront, saleor, demoCatalogue, bigcommerce];
