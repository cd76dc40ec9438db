// Whether a process of this machine still exists. Signal 0 checks without sending anything;
// EPERM means it exists but belongs to another user, so it is running too.
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
