export const ROLES = ['agent', 'resolver', 'department_head', 'chair', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who made a request: a staff member or a machine client such as the support desk. */
export interface Principal {
  kind: 'staff' | 'api_client';
  id: string;
  roles: Role[];
  departmentId: string | null;
}
