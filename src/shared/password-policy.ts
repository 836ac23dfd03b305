/** 等保 2.0 level 3 password rule: at least 8 characters from at least 3 of the 4 classes. */
export const PASSWORD_MIN_LENGTH = 8;

export function passwordClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function isStrongPassword(password: string): boolean {
  return password.length >= PASSWORD_MIN_LENGTH && password.length <= 128 && passwordClasses(password) >= 3;
}
