/** An error the command line reports on stderr with its exit code (2: the file or command line). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
