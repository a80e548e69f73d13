#!/usr/bin/env bash
# What bash offers for a command line, as the completion script journal generates says:
# bash-complete.sh SCRIPT "journal -C /tmp rep" prints one candidate per line. A line ending
# with a space completes a new, empty word.
shopt -s extglob
source "$1"
line="$2"
function_name=$(complete -p journal | sed -E 's/.* -F ([^ ]+) .*/\1/')
COMP_LINE="$line"
COMP_POINT=${#line}
read -ra COMP_WORDS <<< "$line"
if [[ "$line" == *" " ]]; then COMP_WORDS+=(""); fi
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMPREPLY=()
"$function_name" journal "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
