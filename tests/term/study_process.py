"""`casebook study` as a child process driven through pipes, for the tests that play a learner
(tests/term/study_pipe_test.py, tests/gui/parity_test.py): write answer lines, read output
lines, keep a transcript, and never leave the process running."""
import subprocess


class StudyProcess:
    """Starts `casebook ARGS...` (ARGS include `study`) with its standard streams as pipes."""

    def __init__(self, casebook, args):
        self.proc = subprocess.Popen([casebook, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1)
        self.transcript = []  # every line read, and ">>> line" for every line written

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        return False

    def readline(self):
        """The next output line with its newline, or "" when the output has ended."""
        text = self.proc.stdout.readline()
        if text:
            self.transcript.append(text)
        return text

    def send(self, *lines):
        for line in lines:
            self.transcript.append(f">>> {line}\n")
            self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def finish(self, timeout=30):
        """Closes the input, reads the rest (through the same buffer as readline); returns
        (exit code, rest of stdout, stderr)."""
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        out = self.proc.stdout.read()
        err = self.proc.stderr.read()
        self.transcript.append(out)
        return self.proc.wait(timeout=timeout), out, err

    def text(self):
        return "".join(self.transcript)
