#!/usr/bin/env node
// Starts every app server for `npm start`, each on its own port, with its output
// prefixed by its name. Ctrl-C stops them all; if one dies, the others are stopped too.
import { spawn } from 'node:child_process'

const servers = [
  { name: 'info-widget', workspace: '@vbe/info-widget' },
  { name: 'grant-screening', workspace: '@vbe/grant-screening' },
  { name: 'plan-editor', workspace: '@vbe/plan-editor' },
]

const children = servers.map(({ name, workspace }) => {
  const child = spawn('npm', ['run', '--silent', 'serve', '-w', workspace], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env })
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
