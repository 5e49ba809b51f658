import type { Bilingual } from '../../shared/text.js';

/**
 * Places where art 14 forbids installing or using a system that captures
 * video or audio. The first six are named by the article; `other_private_place`
 * stands for "等涉及他人隐私的场所和部位" (for example a nursing room), marked
 * as such by whoever records the device.
 * @see interpretation art14.private-places
 */
export const PRIVATE_PLACE_KINDS = [
  'hotel_room',
  'dormitory_bedroom',
  'public_bath',
  'changing_room',
  'toilet',
  'residential_window_or_door',
  'other_private_place',
] as const;
export type PrivatePlaceKind = (typeof PRIVATE_PLACE_KINDS)[number];

/** Ordinary places a device may watch. */
export const ORDINARY_PLACE_KINDS = [
  'entrance_exit',
  'perimeter',
  'public_space',
  'business_counter',
  'vault_or_storage',
  'corridor',
  'parking',
  'classroom',
  'office',
  'other',
] as const;

export const PLACE_KINDS = [...PRIVATE_PLACE_KINDS, ...ORDINARY_PLACE_KINDS] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export function isPrivatePlace(k: string): k is PrivatePlaceKind {
  return (PRIVATE_PLACE_KINDS as readonly string[]).includes(k);
}

export const PRIVATE_PLACE_LABELS: Readonly<Record<PrivatePlaceKind, Bilingual>> = {
  hotel_room: { zh: '宾馆客房', en: 'hotel guest room' },
  dormitory_bedroom: { zh: '集体宿舍的寝室', en: 'bedroom of a collective dormitory' },
  public_bath: { zh: '公共浴室', en: 'public bath' },
  changing_room: { zh: '更衣室', en: 'changing room' },
  toilet: { zh: '卫生间', en: 'toilet' },
  residential_window_or_door: { zh: '居民住宅窗口、门口', en: 'window or door of a home' },
  other_private_place: { zh: '其他涉及他人隐私的场所和部位', en: 'other place or part involving the privacy of others' },
};
