import { describe, expect, it } from 'vitest'
import { boardOf, card, rel } from '../analysis/testBoards'
import { boardToMermaid, mermaidText } from './mermaid'

/**
 * The text Mermaid must accept is checked against Mermaid itself in
 * e2e/mermaid.spec.ts (its parser needs a browser); these pin the shape.
 */
describe('boardToMermaid', () => {
  const board = boardOf(
    [
      card('garden-ai', 'garden', 'AI in operations'),
      card('seed-delay', 'seedling', 'Delay prediction model', { container: 'garden-ai' }),
      card('ft-dwh', 'freightTrain', 'Data warehouse migration'),
      card('ft-route', 'freightTrain', 'Route Optimiser 3.0 re-platform'),
      card('wall-engineers', 'wall', 'The data warehouse migration owns the only two data engineers'),
      card('end', 'note', '')
    ],
    [
      rel('seed-delay', 'dependsOn', 'ft-dwh', '', 'r1'),
      rel('ft-route', 'dependsOn', 'seed-delay', 'only if the pilot with two customers succeeds', 'r2'),
      rel('wall-engineers', 'blocks', 'seed-delay', '', 'r3')
    ]
  )

  it('writes a left-to-right flowchart with subgraphs, shapes by kind, styled arrows and classes', () => {
    expect(boardToMermaid(board, { title: 'Q3 planning' })).toBe(
      [
        '---',
        'title: "Q3 planning"',
        '---',
        'flowchart LR',
        '  subgraph c_garden_ai["AI in operations"]',
        '    c_seed_delay("Delay prediction model")',
        '  end',
        '  c_ft_dwh(["Data warehouse migration"])',
        '  c_ft_route(["Route Optimiser 3.0 re-platform"])',
        '  c_wall_engineers[["The data warehouse migration owns the only two data engineers"]]',
        '  c_end>"Note / question"]',
        '  c_seed_delay -->|"depends on"| c_ft_dwh',
        '  c_ft_route -.->|"depends on: only if the pilot with two customers succeeds"| c_seed_delay',
        '  c_wall_engineers ==>|"blocks"| c_seed_delay',
        '  classDef freightTrain fill:#dbeafe,stroke:#1d4ed8,color:#1b2330',
        '  class c_ft_dwh,c_ft_route freightTrain',
        '  classDef seedling fill:#dcfce7,stroke:#15803d,color:#1b2330',
        '  class c_seed_delay seedling',
        '  classDef garden fill:#f7fee7,stroke:#4d7c0f,color:#1b2330',
        '  class c_garden_ai garden',
        '  classDef wall fill:#fee2e2,stroke:#b91c1c,color:#1b2330',
        '  class c_wall_engineers wall',
        '  classDef note fill:#fef9c3,stroke:#a16207,color:#1b2330',
        '  class c_end note',
        ''
      ].join('\n')
    )
  })

  it('escapes what Mermaid would read as syntax or HTML', () => {
    expect(mermaidText('Enterprise SSO & "compliance" <SOC 2> #1 | a\nb')).toBe(
      'Enterprise SSO #38; #quot;compliance#quot; #lt;SOC 2#gt; #35;1 #124; a<br>b'
    )
  })

  it('gives cards whose ids differ only in punctuation their own node ids', () => {
    const text = boardToMermaid(boardOf([card('a-b', 'note', 'Hiring freeze'), card('a_b', 'note', 'Legal review')]))
    expect(text).toContain('c_a_b>"Hiring freeze"]')
    expect(text).toContain('c_a_b_2>"Legal review"]')
  })
})
