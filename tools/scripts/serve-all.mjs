#!/usr/bin/env node
// Starts every app server for `npm start`, each on its own port, with its output
// prefixed by its name. Ctrl-C stops them all; if one dies, the others are stopped too.
import { spawn } from 'node:child_process'

const servers = [
  { name: 'info-widget', workspace: '@vbe/info-widget' },
  { name: 'grant-screening', workspace: '@vbe/grant-screening' },
  { name: 'plan-editor', workspace: '@vbe/plan-editor' },
]

// `npm start` serves plain http on loopback, where a Secure cookie cannot be relied on: it
// opts out explicitly (the servers say so in their banner). Any other HOST keeps Secure.
const loopback = !process.env.HOST || ['127.0.0.1', 'localhost', '::1'].includes(process.env.HOST)
const env = loopback && process.env.NODE_ENV !== 'production' ? { VBE_INSECURE_COOKIES: '1', ...process.env } : process.env

const children = servers.map(({ name, workspace }) => {
  const child = spawn('npm', ['run', '--silent', 'serve', '-w', workspace], { stdio: ['ignore', 'pipe', 'pipe'], env })
  const prefix = (stream, out) => {
    let buffer = ''
    stream.on('data', (chunk) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) out.write(`[${name}] ${line}\n`)
    })
  }
  prefix(child.stdout, process.stdout)
  prefix(child.stderr, process.stderr)
  child.on('exit', (code, signal) => {
    if (stopping) return
    console.error(`[${name}] stopped (${signal ?? `exit code ${code}`}); stopping the others.`)
    stop(code ?? 1)
  })
  return child
})

let stopping = false
function stop(code = 0) {
  stopping = true
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 500).unref()
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))
