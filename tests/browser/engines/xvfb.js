// A virtual X display for a windowed browser (WebKit's MiniBrowser always,
// Firefox for a clipboard that holds images). Xvfb picks a free display
// number itself and writes it to fd 3.
import { spawn } from 'node:child_process';

export function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let said = '';
    let errors = '';
    xvfb.stderr.on('data', (chunk) => { errors += chunk; });
    xvfb.stdio[3].on('data', (chunk) => {
      said += chunk;
      if (said.includes('\n')) {
        resolve({
          display: `:${said.trim()}`,
          stop: () => new Promise((done) => {
            if (xvfb.exitCode !== null) { done(); return; }
            xvfb.once('exit', () => done());
            xvfb.kill('SIGTERM');
          }),
        });
      }
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display: ${errors.trim()}`)));
  });
}
