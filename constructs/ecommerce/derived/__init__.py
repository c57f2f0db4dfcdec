"""What is derived from the model, as plain data: each service's wiring and secrets,
endpoints and their ports, labels, network flows, the add-ons' releases and values, MySQL's
backup bucket, the charts' order. No jsii here: the synth's parent process and the tooling
read it without starting a jsii runtime."""
