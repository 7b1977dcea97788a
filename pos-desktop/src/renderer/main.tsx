import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cacheExchange, Client, fetchExchange, Provider } from 'urql';
import { App } from './App';
import { createBackend } from './lib/backend';
import './styles.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const backend = createBackend();
  try {
    const config = await backend.config();
    const client = new Client({
      url: '/graphql',
      exchanges: [cacheExchange, fetchExchange],
      fetch: backend.fetch,
      // balances change at other tills: always ask the server
      requestPolicy: 'network-only',
      preferGetMethod: false,
    });
    root.render(
      <StrictMode>
        <Provider value={client}>
          <App backend={backend} config={config} />
        </Provider>
      </StrictMode>,
    );
  } catch (err) {
    root.render(
      <div className="panel notice error" role="alert">
        The till cannot start: {(err as Error).message}. Check its settings (endpoint, store, till, token).
      </div>,
    );
  }
}

void start();
