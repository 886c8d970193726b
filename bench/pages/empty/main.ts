import '../shared.css'

/** The harness's floor: a page that draws nothing and only lets the probe count frames. */
const pane = document.createElement('div')
pane.className = 'pane'
document.getElementById('root')?.append(pane)
window.__bench = {
  loaded: false,
  async open() {
    this.loaded = true
  },
  viewport: () => ({ x: 0, y: 0, zoom: 1, left: 208, top: 48 })
}
