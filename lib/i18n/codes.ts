// Code values only (no database import), so client components can use the labels too.
export type StaffRole = 'centre_staff' | 'school_manager' | 'department_manager';
export type ContactRole = 'parent' | 'teacher' | 'clb' | 'care_provider';
export type RequestStatus = 'draft' | 'submitted' | 'in_progress' | 'completed';
export type RequestType = 'support_request' | 'extension' | 'advice';
export type EntryKindCode = 'note' | 'report' | 'meeting';
