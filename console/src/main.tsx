import { render } from 'preact';
import { App, SignedOut } from './app';
import { completeSignIn, currentOfficer, currentToken, startSignIn } from './auth/session';
import { loadConfig } from './config';
import './app.css';

/** Reads config.json, finishes a sign-in that just came back, and shows the console. */
async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  const config = await loadConfig();
  let problem: string | undefined;
  try {
    await completeSignIn(config);
  } catch (error) {
    problem = (error as Error).message;
  }
  const officer = currentOfficer();
  const token = currentToken();
  if (!officer || !token) {
    render(<SignedOut problem={problem} onSignIn={() => void startSignIn(config)} />, root);
    return;
  }
  render(<App config={config} officer={officer} token={token} />, root);
}

void start();
