export { analyseBoard, listOf, quoted, type BoardAnalysis } from './analyse'
export { findingKinds, type Finding, type FindingKind, type Severity } from './findings'
