#!/usr/bin/env bash
# Sourced by the transformer scripts: makes sure libtorch is installed (Debian's libtorch-dev 1.13.1,
# which tch 0.10 / rust-bert 0.20 build against) and points torch-sys at it. torch-sys looks for
# libtorch under $LIBTORCH; without it, it would try to download libtorch, which is not allowed here.
if [ ! -e /usr/include/torch/csrc/api/include/torch/torch.h ] && [ ! -e /usr/include/torch/torch.h ]; then
    echo "libtorch not found: installing Debian's libtorch-dev (about 160 packages with its dependencies)"
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends libtorch-dev
    else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends libtorch-dev; fi
fi
export LIBTORCH="${LIBTORCH:-/usr}"
