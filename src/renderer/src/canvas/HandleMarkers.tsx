const sides = ['top', 'right', 'bottom', 'left'] as const

/**
 * React Flow measures a mounted card's handles from the DOM and draws no relation to a card
 * without any. These plain markers stand where the four handles are, so relations are drawn,
 * without the real handles' subscriptions to React Flow's store and their layers to paint.
 */
export function HandleMarkers(): React.JSX.Element {
  return (
    <>
      {sides.map((side) => (
        <span key={side} className={`source handle-marker handle-marker--${side}`} data-handleid={side} data-handlepos={side} />
      ))}
    </>
  )
}
