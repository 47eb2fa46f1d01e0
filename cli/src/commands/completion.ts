// `aitbc completion bash|zsh|fish`: prints the shell's completion script for every command.
import { onePositional } from "../args.js";
import { completionScript, SHELLS, type Shell } from "../completion/completion-scripts.js";
import { UsageError } from "../output/explain-error.js";
import type { Command } from "./command.js";

export function completionCommand(commands: () => readonly Command[]): Command {
  return {
    name: "completion",
    summary: "print a shell completion script (bash, zsh or fish)",
    synopsis: "completion bash|zsh|fish",
    usage: "completion bash|zsh|fish",
    help: `Examples:
  source <(aitbc completion bash)      # in ~/.bashrc
  source <(aitbc completion zsh)       # in ~/.zshrc
  aitbc completion fish | source       # in ~/.config/fish/config.fish`,
    identity: "customer",
    options: {},
    async run({ out, positionals }) {
      const shell = onePositional(positionals, "shell (bash, zsh or fish)");
      if (!(SHELLS as readonly string[]).includes(shell))
        throw new UsageError(`Shells: ${SHELLS.join(", ")}; got "${shell}".`);
      out.write(completionScript(shell as Shell, commands()));
      return undefined;
    },
  };
}
