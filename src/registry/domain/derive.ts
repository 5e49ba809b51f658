import type { FieldIssue } from '../../shared/errors.js';
import { findDivision, LIAONING } from '../../shared/standards/gb2260.js';
import { KINDS, type RegistryKind } from './kinds.js';
import { issue, type Values } from './validate.js';
import { art10ItemOf } from './vocabulary.js';

/** Looks up a referenced row (already loaded). */
export type RefLookup = (kind: RegistryKind, id: number) => Record<string, unknown> | undefined;

export interface Derived {
  /** Column values to store, the copied ones included. */
  row: Values;
  issues: FieldIssue[];
}

const cityOf = (code: string) => `${code.slice(0, 4)}00`;

const ORGAN_PARENT: Record<string, string | null> = { province: null, city: 'province', county: 'city', station: 'county' };
const ORGAN_DIVISION_LEVEL: Record<string, string> = { province: 'province', city: 'city', county: 'county', station: 'county' };

/**
 * Completes a record that passed the field checks: references must exist, the
 * rules that tie fields together must hold, and the copied columns (city,
 * art 10 item, a system's place and restriction, a device's owner) are filled.
 */
export function derive(kind: RegistryKind, values: Values, refs: RefLookup): Derived {
  const k = KINDS[kind];
  const issues: FieldIssue[] = [];
  const row: Values = { ...values };
  const f = (name: string) => k.fields.find((x) => x.name === name)!;

  for (const field of k.fields) {
    if (field.type !== 'ref' || field.readOnly) continue;
    const id = row[field.name];
    if (id === null || id === undefined) continue;
    if (!refs(field.ref!, Number(id))) {
      issues.push(issue(field, 'exists', `不存在编号为${id}的${KINDS[field.ref!].label.zh}`, `no ${KINDS[field.ref!].label.en.toLowerCase()} has id ${id}`));
    }
  }
  const ref = (to: RegistryKind, name: string) => (row[name] == null ? undefined : refs(to, Number(row[name])));

  switch (kind) {
    case 'key-units': {
      if (typeof row.unitType === 'string') row.art10Item = art10ItemOf(row.unitType) ?? null;
      if (typeof row.divisionCode === 'string') row.cityCode = cityOf(row.divisionCode);
      break;
    }
    case 'sites': {
      const unit = ref('key-units', 'keyUnitId');
      if (unit) {
        if (row.divisionCode == null) row.divisionCode = unit.divisionCode;
        row.restricted = unit.restricted;
      }
      if (typeof row.divisionCode === 'string') row.cityCode = cityOf(row.divisionCode);
      break;
    }
    case 'public-areas': {
      if (typeof row.divisionCode === 'string') row.cityCode = cityOf(row.divisionCode);
      break;
    }
    case 'security-systems': {
      const site = ref('sites', 'siteId');
      if (site && row.keyUnitId == null && row.publicAreaId == null) row.keyUnitId = site.keyUnitId;
      const hasUnit = row.keyUnitId != null;
      const hasArea = row.publicAreaId != null;
      if (!hasUnit && !hasArea) {
        issues.push(issue(f('keyUnitId'), 'owner', '须填写所属重点单位或社会公共区域', 'a key unit or a public area must own the system'));
      } else if (hasUnit && hasArea) {
        issues.push(issue(f('publicAreaId'), 'owner', '系统只能属于重点单位或社会公共区域之一', 'a system belongs to a key unit or to a public area, not both'));
      }
      if (site && Number(site.keyUnitId) !== Number(row.keyUnitId)) {
        issues.push(issue(f('siteId'), 'site-of-unit', '所选场所不属于所属重点单位', 'the site does not belong to the key unit'));
      }
      const unit = ref('key-units', 'keyUnitId');
      const area = ref('public-areas', 'publicAreaId');
      const placeOf = site ?? unit ?? area;
      if (placeOf) {
        row.divisionCode = placeOf.divisionCode;
        row.cityCode = placeOf.cityCode;
      }
      // A restricted unit's systems are restricted (art 19).
      if (unit?.restricted) row.restricted = true;
      break;
    }
    case 'devices': {
      const system = ref('security-systems', 'systemId');
      if (system) {
        row.keyUnitId = system.keyUnitId ?? null;
        row.publicAreaId = system.publicAreaId ?? null;
        row.divisionCode = system.divisionCode;
        row.cityCode = system.cityCode;
        row.restricted = system.restricted;
      }
      break;
    }
    case 'providers': {
      if (row.fromOutsideLiaoning) {
        // Art 17: a unit from outside files with the provincial police.
        if (row.divisionCode != null) {
          issues.push(issue(f('divisionCode'), 'outside-liaoning', '外省单位向省公安机关备案，不填本省经营场所', 'a unit from outside Liaoning files with the provincial police; leave the Liaoning place of business empty'));
        }
        row.cityCode = LIAONING;
      } else if (row.divisionCode == null) {
        issues.push(issue(f('divisionCode'), 'required', '本省单位必填（第十六条：向经营场所所在地的市公安机关备案）', 'is required for a Liaoning unit (art 16: it files with the city police where it does business)'));
      } else {
        row.cityCode = cityOf(String(row.divisionCode));
      }
      break;
    }
    case 'police-organs': {
      const level = String(row.level ?? '');
      const code = typeof row.divisionCode === 'string' ? row.divisionCode : null;
      const d = code ? findDivision(code) : undefined;
      if (d && ORGAN_DIVISION_LEVEL[level] && d.level !== ORGAN_DIVISION_LEVEL[level]) {
        issues.push(issue(f('divisionCode'), 'division-level', `辖区层级应与机关层级一致（${ORGAN_DIVISION_LEVEL[level]}）`, `must be a ${ORGAN_DIVISION_LEVEL[level]}-level code for this level of organ`));
      }
      if (d) row.cityCode = d.level === 'province' ? d.code : cityOf(d.code);
      const parentLevel = ORGAN_PARENT[level];
      const parent = ref('police-organs', 'parentId');
      if (level in ORGAN_PARENT) {
        if (parentLevel === null && row.parentId != null) {
          issues.push(issue(f('parentId'), 'parent-level', '省公安机关没有上级机关', 'the provincial organ has no parent'));
        } else if (parentLevel && row.parentId == null) {
          issues.push(issue(f('parentId'), 'required', '必填', 'is required'));
        } else if (parent && parentLevel && parent.level !== parentLevel) {
          issues.push(issue(f('parentId'), 'parent-level', `上级机关应为${parentLevel}级`, `the parent must be a ${parentLevel}-level organ`));
        } else if (parent && code && typeof parent.divisionCode === 'string' && !code.startsWith(prefixOf(parent.divisionCode))) {
          issues.push(issue(f('divisionCode'), 'within-parent', '辖区应在上级机关辖区之内', 'must lie within the parent organ’s jurisdiction'));
        }
      }
      break;
    }
    default:
      break;
  }
  return { row, issues };
}

function prefixOf(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
