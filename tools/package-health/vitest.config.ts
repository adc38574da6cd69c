import { defineProject } from 'vitest/config'
import { sharedTestConfig } from '../../vitest.shared'

// Packing, installing and type-checking real tarballs is slow: allow two minutes a test.
export default defineProject(sharedTestConfig(import.meta.dirname, { testTimeout: 120_000, hookTimeout: 240_000 }))
