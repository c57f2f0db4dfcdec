"""What is derived from the model, as plain data: each service's wiring and secrets,
endpoints and their ports, labels, network flows, the add-ons' releases and values. No
jsii here: the synth's parent process reads it without starting a jsii runtime."""
