import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Authenticated } from '../shared/Authenticated';
import { SignIn } from '../shared/SignIn';
import '../shared/styles.css';
import { Console } from './Console';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Authenticated
      app="admin"
      signIn={(onSignedIn, offered) => (
        <SignIn
          app="admin"
          title="Loyalty console"
          roles={['admin']}
          probe="{ loyaltyOutboxMessages(first: 1) { id } }"
          onSignedIn={onSignedIn}
          offered={offered}
          help={
            <>
              An admin token from your identity provider, or on a demo install the <code>admin</code> token printed by <code>npm start</code> (also in{' '}
              <code>.data/demo-tokens.json</code>, or <code>npm run -s token -- admin</code>).
            </>
          }
        />
      )}
    >
      {(signOut) => <Console signOut={signOut} />}
    </Authenticated>
  </StrictMode>,
);
