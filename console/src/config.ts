/** The runtime configuration served next to index.html (`./config.json`). */
export interface ConsoleConfig {
  /** Where the API is: `/api` behind CloudFront and locally. */
  apiBase: string;
  auth: {
    authorizeUrl: string;
    tokenUrl: string;
    logoutUrl?: string;
    clientId: string;
    redirectUri: string;
    scopes: string[];
  };
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('./config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  return (await response.json()) as ConsoleConfig;
}
