// What `@vbe/test-postgres/global-setup` provides to the test files, typed for
// `inject('postgresUrl')` from 'vitest'. Imported (type-only) by index.ts and
// global-setup.ts, so importing either brings it into a program.
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the server the globalSetup started; make your own database on it with createDatabase(). */
    postgresUrl: string
  }
}

export {}
