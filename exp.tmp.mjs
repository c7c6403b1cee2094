import * as esbuild from 'esbuild'
import { execFileSync } from 'node:child_process'
const [outdir, extra] = [process.argv[2], JSON.parse(process.argv[3] ?? '{}')]
await esbuild.build({ entryPoints: ['server/src/main.ts'], bundle: true, platform: 'node', target: 'node20', format: 'esm', external: ['better-sqlite3','pg-native','pdfkit', ...(extra.external??[])], outdir, logLevel: 'error', legalComments: 'none', minify: !!extra.minify, splitting: !!extra.splitting,
  banner: { js: "import { createRequire as __tavoloCreateRequire } from 'node:module'; const require = __tavoloCreateRequire(import.meta.url);" } })
const times = []
for (let i = 0; i < 7; i++) { const s = performance.now(); execFileSync('node', [`${outdir}/main.js`, '--help'], { stdio: 'ignore' }); times.push(performance.now() - s) }
times.sort((a,b)=>a-b); console.log(outdir, 'min', times[0].toFixed(0), 'median', times[3].toFixed(0))
