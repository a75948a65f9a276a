/** English UI strings of saving across tabs and windows: merges of another tab's edits, conflicts, other tabs open. */
export const sync = {
  en: {
    'sync.merged': 'Merged the edits another tab saved: {summary}',
    'sync.conflicts.title': 'Another tab changed the same things ({n})',
    'sync.conflicts.note': 'This tab’s values are kept and saved; the other tab’s are shown beside them, to take one by one.',
    'sync.conflicts.merged': 'Everything else was merged automatically: {summary}',
    'sync.mine': 'This tab',
    'sync.theirs': 'Other tab',
    'sync.keepMine': 'Keep this tab’s',
    'sync.takeTheirs': 'Take the other tab’s',
    'sync.keepAll': 'Keep all of this tab’s values',
    'sync.taken': 'Took the other tab’s value (undoable)',
    'sync.otherTabs': '{n} other tab(s) have this project open; edits are merged automatically',
    'sync.otherTabs.short': '{n} other tab(s)',
  },
} as const;
