// Runs a command to completion with its output captured, and starts a
// long-running one (a dev server) that is stopped by its own process group.
import { spawn } from 'node:child_process';

/**
 * @returns {Promise<{ code: number, output: string, seconds: number }>}
 */
export function run(command, args, { cwd, env } = {}) {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => { output += data; });
    child.stderr.on('data', (data) => { output += data; });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({
      code: code ?? 128,
      output: signal ? `${output}\n(ended by ${signal})` : output,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    }));
  });
}

/** Like run(), but throws with the output's tail when the command fails. */
export async function runOrThrow(command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.code}):\n${tail(result.output, 40)}`);
  }
  return result;
}

/** The last `count` lines of a command's output. */
export function tail(output, count) {
  return output.trimEnd().split('\n').slice(-count).join('\n');
}

/** Text without the terminal's colour codes. */
export function plain(text) {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * Starts `command` in its own process group and resolves once `ready` matches
 * its output, with what it matched and a stop() that ends the whole group.
 */
export function startService(command, args, { cwd, env, ready, timeoutMs }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise((resolve) => child.once('close', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(async () => {
      await stop();
      reject(new Error(`${command} ${args.join(' ')} was not ready after ${timeoutMs / 1000} s:\n${tail(output, 20)}`));
    }, timeoutMs);
    const onData = (data) => {
      output += data;
      const match = plain(output).match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ match, stop, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited (${code}) before it was ready:\n${tail(output, 20)}`));
    });
  });
}
