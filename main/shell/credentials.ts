// The team password kept with the system's keychain (Electron's safeStorage: Keychain on macOS,
// DPAPI on Windows, libsecret/kwallet on Linux). The services ask for these two capabilities
// (main/app/context.ts encryptSecret / decryptSecret) and store only the encrypted blob; the plain
// password exists in memory only, never in a file, a log or a message.
import { safeStorage } from 'electron';
import { AppError } from '../../shared/errors';

const unavailable = () =>
  new AppError('FORBIDDEN', 'This computer offers no keychain to keep the team password safely, so Claimdesk cannot sign in here.');

/** The encryptSecret / decryptSecret capabilities over safeStorage. */
export function keychainSecrets(): { encryptSecret: (plain: string) => Promise<string>; decryptSecret: (blob: string) => Promise<string> } {
  return {
    encryptSecret: async (plain) => {
      if (typeof plain !== 'string') throw new AppError('INVALID_ARGUMENT', 'Only text can be kept in the keychain.');
      if (!safeStorage.isEncryptionAvailable()) throw unavailable();
      return safeStorage.encryptString(plain).toString('base64');
    },
    decryptSecret: async (blob) => {
      if (typeof blob !== 'string') throw new AppError('INVALID_ARGUMENT', 'Only a stored secret can be read back.');
      if (!safeStorage.isEncryptionAvailable()) throw unavailable();
      try {
        return safeStorage.decryptString(Buffer.from(blob, 'base64'));
      } catch {
        throw new AppError('FORBIDDEN', 'The saved team password cannot be read on this computer or by this user: sign in again.');
      }
    },
  };
}
