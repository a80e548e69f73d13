# What an interactive zsh does with a command line and a TAB, with journal's completion
# (compinit): zsh -f zsh-complete.zsh FOLDER_OF__journal FOLDER_OF_journal "journal rep"
# prints the screen after the TAB (the completed line, or the listing).
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PROMPT='> '; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D; PATH=$2:\$PATH"
zpty -w z "zstyle ':completion:*' list-prompt ''; LISTMAX=1000; print -n MARK; print ER"
out=""
for i in {1..100}; do zpty -r -t z chunk && out+=$chunk; [[ $out == *MARKER* ]] && break; sleep 0.1; done
zpty -w -n z "$3"$'\t'
out=""
for i in {1..30}; do zpty -r -t z chunk && out+=$chunk; sleep 0.1; done
print -r -- "$out"
zpty -d z
