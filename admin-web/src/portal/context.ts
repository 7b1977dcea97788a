import { createContext, useContext } from 'react';

/** What every tab of the portal knows: whose portal it is, and how to tell the header that something changed. */
export interface PortalSession {
  memberId: string;
  /** After a mutation: the header (points, unread count) asks the service again. */
  refresh(): void;
  /** Bumped by `refresh`; queries that show shared figures re-run when it changes. */
  version: number;
}

export const PortalContext = createContext<PortalSession | null>(null);

export function usePortal(): PortalSession {
  const session = useContext(PortalContext);
  if (!session) throw new Error('usePortal outside <Portal>');
  return session;
}
