import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource/inter/400.css'
import '@fontsource/inter/500.css'
import '@fontsource/inter/600.css'
import '@fontsource/inter/700.css'
import '@xyflow/react/dist/base.css'
import './styles.css'
import './tools.css'
import { App } from './App'

const root = createRoot(document.getElementById('root') as HTMLElement)
const api = window.boardApi
root.render(
  <StrictMode>
    {api ? (
      <App api={api} />
    ) : (
      <p className="fatal">Orgboard could not reach its file services (boardApi is missing). Start it with npm start.</p>
    )}
  </StrictMode>
)
