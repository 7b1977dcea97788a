import { createContext, useContext } from 'react';

/** The programme's currency, read once at sign-in; money inputs and figures use it. */
export const CurrencyContext = createContext('GBP');
export const useCurrency = () => useContext(CurrencyContext);
