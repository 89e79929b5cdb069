import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routing (`#/tasks`, `#/candidates/<id>`): static hosting serves index.html for every page
 * without rewrites, on CloudFront and locally.
 */
export interface Route {
  page: string;
  id?: string;
  query: URLSearchParams;
}

function parseRoute(hash: string): Route {
  const [path, search] = hash.replace(/^#\/?/, '').split('?');
  const [page, id] = path.split('/');
  return {
    page: page || 'tasks',
    id: id ? decodeURIComponent(id) : undefined,
    query: new URLSearchParams(search ?? ''),
  };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}

export function href(page: string, id?: string, query?: Record<string, string>): string {
  const search = query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : '';
  return `#/${page}${id ? `/${encodeURIComponent(id)}` : ''}${search}`;
}
