export enum EmpathyGuardErrorCode {
  MESSAGE_BLOCKED = 'MESSAGE_BLOCKED',
}
