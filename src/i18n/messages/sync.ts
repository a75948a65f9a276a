/** UI strings of saving across tabs and windows: merges of another tab's edits, conflicts, other tabs open. */
// English: en/sync.ts, loaded on the first switch to English (index.ts).
export const sync = {
  zh: {
    'sync.merged': '已合并另一窗口保存的修改：{summary}',
    'sync.conflicts.title': '另一窗口也修改了相同的内容（{n} 处）',
    'sync.conflicts.note': '本窗口的值已保留并保存；另一窗口的值列在旁边，可逐项改用。',
    'sync.conflicts.merged': '其余修改已自动合并：{summary}',
    'sync.mine': '本窗口',
    'sync.theirs': '另一窗口',
    'sync.keepMine': '保留本窗口',
    'sync.takeTheirs': '改用另一窗口',
    'sync.keepAll': '全部保留本窗口的值',
    'sync.taken': '已改用另一窗口的值（可撤销）',
    'sync.otherTabs': '另有 {n} 个窗口打开此项目，修改会自动合并',
    'sync.otherTabs.short': '另有 {n} 个窗口',
  },
} as const;
