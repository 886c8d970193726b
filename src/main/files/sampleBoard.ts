import type { Board, Card } from '../../shared/board'

/** Test data: a slice of the Harbour & Pine workshop from SAMPLE-ORG.md, one card of every kind. */

function card(id: string, kind: Card['kind'], title: string, x: number, y: number, fields: Card['fields']): Card {
  return { id, kind, title, x, y, width: kind === 'garden' || kind === 'frame' ? 520 : 240, height: 110, fields }
}

export function sampleBoard(): Board {
  return {
    format: 'orgboard',
    version: 1,
    viewport: { x: -120.5, y: 40, zoom: 0.85 },
    cards: [
      card('frame-lower-right', 'frame', 'Lower right', -40, 600, {}),
      card('ft-route', 'freightTrain', 'Route Optimiser 3.0 re-platform', 80, 60, {
        teams: 'Routing Core',
        momentum: 'unstoppable',
        valueQuestioned: false,
        outcome: '14 months in; value last questioned: never'
      }),
      card('ft-dwh', 'freightTrain', 'Data warehouse migration', 80, 260, {
        teams: 'Data Platform',
        momentum: 'heavy',
        valueQuestioned: true,
        outcome: 'Three vendors evaluated, one chosen, half-done'
      }),
      card('garden-ai', 'garden', 'AI in operations', 420, 40, { tendedBy: 'CTO office', reason: 'Dispatch decisions from data' }),
      card('seed-delay', 'seedling', 'Delay prediction model', 460, 120, {
        stage: 'sapling',
        needs: 'Clean event data',
        criteria: [
          { text: 'Dispatchers use it daily', done: false },
          { text: 'Event data cleaned', done: true }
        ],
        graduated: false
      }),
      card('wall-hiring', 'wall', 'Hiring freeze for all non-revenue roles', 980, 60, { appeared: 'March', takenDownBy: 'CFO' }),
      card('init-onboarding', 'initiative', 'Cut onboarding time from 6 weeks to 2', 980, 300, {
        drivers: ['Churn in first 90 days', 'Enterprise renewals', 'Sales cycle length'],
        constraints: ['Hiring freeze', 'SOC 2 audit window', 'Legacy import scripts'],
        floats: ['Which customers pilot first', 'Manual vs automated import'],
        horizon: 'quarters',
        phase: 'Discovery'
      }),
      card('blank-dashboard', 'blankPage', 'Dispatcher dashboard', 460, 420, { replaces: 'Legacy dispatch screens' }),
      card('team-growth', 'team', 'Growth', 1300, 300, {
        context: 'New offering, funded like a startup',
        stage: 'Milestone-based and iterative',
        funding: 'Milestone-based',
        size: 5
      }),
      card('note-salaries', 'note', 'Where do the $40M of salaries go? «Ünïcödé» ✈ 日本', 1300, 60, {})
    ],
    relations: [
      { id: 'rel-1', kind: 'dependsOn', from: 'seed-delay', to: 'ft-dwh', label: '' },
      { id: 'rel-2', kind: 'dependsOn', from: 'blank-dashboard', to: 'seed-delay', label: '' },
      {
        id: 'rel-3',
        kind: 'dependsOn',
        from: 'ft-route',
        to: 'blank-dashboard',
        label: 'only if the pilot with two customers succeeds'
      },
      { id: 'rel-4', kind: 'blocks', from: 'wall-hiring', to: 'init-onboarding', label: '' },
      { id: 'rel-5', kind: 'relatesTo', from: 'team-growth', to: 'init-onboarding', label: 'owns the pilot' }
    ]
  }
}
