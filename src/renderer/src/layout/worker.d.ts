// Vite's `?worker` imports (vite/client declares these, but the renderer's tsconfig loads no global types).
declare module '*?worker' {
  const WorkerConstructor: new () => Worker
  export default WorkerConstructor
}
