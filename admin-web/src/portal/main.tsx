import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Authenticated } from '../shared/Authenticated';
import { SignIn } from '../shared/SignIn';
import '../shared/styles.css';
import { Portal } from './Portal';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Authenticated
      app="portal"
      signIn={(onSignedIn, offered) => (
        <SignIn
          app="portal"
          title="My loyalty"
          roles={['member', 'customer']}
          probe="{ loyaltyMe { id } }"
          onSignedIn={onSignedIn}
          offered={offered}
          help={
            <>
              Your shop's sign-in brings you here with your token. On a demo install: <code>npm run -s token -- member &lt;memberId&gt;</code> or{' '}
              <code>npm run -s token -- customer &lt;customerId&gt;</code>.
            </>
          }
        />
      )}
    >
      {(signOut) => <Portal signOut={signOut} />}
    </Authenticated>
  </StrictMode>,
);
