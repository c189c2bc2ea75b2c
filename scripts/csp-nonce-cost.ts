// `npx tsx scripts/csp-nonce-cost.ts`: what the page cache's nonce costs per response
// (lib/security/csp.mjs withScriptNonce, called by lib/cache/page-cache-handler.mjs get()).
// Builds pages shaped like Next's (markup, then the RSC payload as many inline
// `self.__next_f.push(…)` scripts) of 1 to 5 MB, and prints the median time to write a fresh
// nonce into every script tag, next to the time to turn the page into the bytes Node sends
// (which every response pays anyway).
import { newNonce, withScriptNonce } from '../lib/security/csp.mjs';

const ROUNDS = 50;

function nextLikePage(megabytes: number): { html: string; scripts: number } {
  const target = megabytes * 1024 * 1024;
  const parts = ['<!DOCTYPE html><html lang="fr-CA"><head><script src="/_next/static/chunks/main.js" async=""></script></head><body>'];
  let size = parts[0]!.length;
  let scripts = 1;
  // Half markup, half payload: about what /solutions is at 10,000 providers.
  while (size < target / 2) {
    const row = `<li><a href="/solutions/outil-${size}">Outil ${size}</a><p>Une description d’une solution, avec ses fournisseurs.</p></li>`;
    parts.push(row);
    size += row.length;
  }
  while (size < target) {
    const chunk = `<script>self.__next_f.push([1,"${'1a:["$","li",null,{"children":"Outil \\u003c/script\\u003e"}]\\n'.repeat(40)}"])</script>`;
    parts.push(chunk);
    size += chunk.length;
    scripts += 1;
  }
  parts.push('</body></html>');
  return { html: parts.join(''), scripts };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

for (const megabytes of [1, 2, 5]) {
  const { html, scripts } = nextLikePage(megabytes);
  const nonce: number[] = [];
  const bytes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    let start = performance.now();
    const served = withScriptNonce(html, newNonce());
    nonce.push(performance.now() - start);
    start = performance.now();
    Buffer.from(served, 'utf8');
    bytes.push(performance.now() - start);
  }
  console.log(
    `${(html.length / 1024 / 1024).toFixed(1)} MB, ${scripts} script tags: nonce ${median(nonce).toFixed(2)} ms, encoding to bytes ${median(bytes).toFixed(2)} ms (medians of ${ROUNDS})`,
  );
}
