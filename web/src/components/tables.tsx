import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list as a captioned table with column headers, scrolling sideways on narrow screens — or, when
 * `stacked`, each row a card on a phone (below 48em), its cells named by their `data-label`.
 */
export function ListTable({
  caption,
  columns,
  minWidth,
  isEmpty,
  stacked = false,
  keyboardScroll = false,
  children,
}: {
  caption: string;
  columns: string[];
  minWidth: number;
  isEmpty: boolean;
  stacked?: boolean;
  /** A table without a control of its own: its scrolled region takes the focus (WCAG 2.1.1). */
  keyboardScroll?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      className={stacked ? 'list-table-stacked' : undefined}
      classNames={{ scrollContainerInner: 'list-table-inner' }}
      scrollAreaProps={keyboardScroll ? { viewportProps: { tabIndex: 0 } } : undefined}
    >
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {children}
          {isEmpty ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>{t('common.noResult')}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Name/value pairs of one record; empty values are left out. */
export function FactTable({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table className="fact-table">
      <Table.Tbody>
        {rows
          .filter(([, value]) => value !== null && value !== undefined && value !== '')
          .map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th scope="row" w="40%">
                {name}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}
