// Shell completion for bash, zsh and fish, written from the command table itself, so a new verb
// or flag completes without anyone editing a script by hand.
import { GLOBAL_OPTIONS } from "../args.js";
import type { Command } from "../commands/command.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

function flagsOf(cmd: Command): string[] {
  return [...Object.keys(cmd.options), ...Object.keys(GLOBAL_OPTIONS)].map((f) => `--${f}`);
}

export function completionScript(shell: Shell, commands: readonly Command[]): string {
  const names = [...commands.map((c) => c.name), "help"];
  if (shell === "bash") {
    const cases = commands
      .map(
        (c) =>
          `    ${c.name}) flags="${flagsOf(c).join(" ")}"${c.actions ? ` actions="${c.actions.join(" ")}"` : ""} ;;`,
      )
      .join("\n");
    return `# aitbc completion for bash: source <(aitbc completion bash)
_aitbc() {
  local cur=\${COMP_WORDS[COMP_CWORD]} flags="" actions=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${names.join(" ")}" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
    help) COMPREPLY=($(compgen -W "${commands.map((c) => c.name).join(" ")}" -- "$cur")); return ;;
    completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  elif [ "$COMP_CWORD" -eq 2 ] && [ -n "$actions" ]; then COMPREPLY=($(compgen -W "$actions" -- "$cur")); fi
}
complete -o default -F _aitbc aitbc
`;
  }
  if (shell === "zsh") {
    const cases = commands
      .map(
        (c) =>
          `    ${c.name}) ${c.actions ? `(( CURRENT == 3 )) && [[ "\${words[3]}" != -* ]] && { _values 'action' ${c.actions.map((a) => `'${a}'`).join(" ")}; return }; ` : ""}_values 'flag' ${flagsOf(
            c,
          )
            .map((f) => `'${f}'`)
            .join(" ")} ;;`,
      )
      .join("\n");
    return `#compdef aitbc
# aitbc completion for zsh: source <(aitbc completion zsh)
_aitbc() {
  if (( CURRENT == 2 )); then
    _values 'command' ${names.map((n) => `'${n}'`).join(" ")}
    return
  fi
  case "\${words[2]}" in
${cases}
  esac
}
compdef _aitbc aitbc
`;
  }
  const lines = [
    "# aitbc completion for fish: aitbc completion fish | source",
    "complete -c aitbc -f",
    ...commands.map(
      (c) =>
        `complete -c aitbc -n "__fish_use_subcommand" -a ${c.name} -d ${JSON.stringify(c.summary)}`,
    ),
    ...commands.flatMap((c) =>
      (c.actions ?? []).map(
        (a) =>
          `complete -c aitbc -n "__fish_seen_subcommand_from ${c.name}; and not __fish_seen_subcommand_from ${(c.actions ?? []).join(" ")}" -a ${a}`,
      ),
    ),
    ...commands.flatMap((c) =>
      flagsOf(c).map(
        (f) => `complete -c aitbc -n "__fish_seen_subcommand_from ${c.name}" -l ${f.slice(2)}`,
      ),
    ),
  ];
  return lines.join("\n") + "\n";
}
