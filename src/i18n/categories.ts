import type { Category } from '../domain/board.ts';

export const CATEGORY_LABELS: Readonly<Record<'zh' | 'en', Record<Category, string>>> = {
  zh: { 'stock-upgrade': '存量提升', 'key-expansion': '重点拓展', 'moderate-development': '适度发展' },
  en: { 'stock-upgrade': 'Stock upgrade', 'key-expansion': 'Key expansion', 'moderate-development': 'Moderate development' },
};
