import { useEffect, useState, type AnchorHTMLAttributes } from 'react';

/**
 * Hash routes (`#/members/<id>`): deep links work from static files with no server-side fallback,
 * and the browser's back button moves between pages.
 */
export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

export function useRoute(): string[] {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part; // a stray % in a hand-typed address
      }
    });
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a href={`#${to}`} {...rest} />;
}

/**
 * After a navigation (not the first load), moves the keyboard focus to the new page's heading, so a
 * screen reader announces the page and Tab starts from its top rather than from a link that is gone.
 * A page that shows its heading once its data has come is watched for a few seconds, until the user
 * moves the focus themselves.
 */
export function useFocusHeadingOnNavigate(): void {
  useEffect(() => {
    let stop: (() => void) | null = null;
    const onChange = () => {
      stop?.();
      let focused: HTMLElement | null = null;
      const place = () => {
        const active = document.activeElement;
        // the user (or the page) put the focus somewhere on purpose: leave it there
        if (active && active !== document.body && active !== focused && active.tagName !== 'A') return done();
        const h1 = document.querySelector<HTMLElement>('main h1');
        if (!h1 || h1 === focused) return;
        h1.setAttribute('tabindex', '-1');
        h1.focus();
        focused = h1;
      };
      const observer = new MutationObserver(place);
      const timer = setTimeout(() => done(), 5000);
      const done = () => {
        observer.disconnect();
        clearTimeout(timer);
        stop = null;
      };
      stop = done;
      requestAnimationFrame(() => {
        observer.observe(document.body, { childList: true, subtree: true });
        place();
      });
    };
    window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      stop?.();
    };
  }, []);
}
