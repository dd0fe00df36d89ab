#compdef quotecli

_quotecli_completion() {
  eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _QUOTECLI_COMPLETE=complete_zsh quotecli)
}

compdef _quotecli_completion quotecli
