// placeholder until the CLI helper writes it
