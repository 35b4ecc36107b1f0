"""Model 1 of DESIGN.md section 2 in PyTorch, shared by the PyTorch benchmarks (training_speed.py,
gpu_reference.py): the same layers and, with Keras semantics, Glorot-uniform weights and zero biases."""
import torch


def model1(width):
    layers = [torch.nn.Linear(width, 1024), torch.nn.SELU(),
              torch.nn.Linear(1024, 512), torch.nn.Sigmoid(), torch.nn.Dropout(0.5),
              torch.nn.Linear(512, 512), torch.nn.SELU(), torch.nn.Dropout(0.5),
              torch.nn.Linear(512, 512), torch.nn.SELU(),
              torch.nn.Linear(512, width)]
    for layer in layers:
        if isinstance(layer, torch.nn.Linear):
            torch.nn.init.xavier_uniform_(layer.weight)
            torch.nn.init.zeros_(layer.bias)
    return torch.nn.Sequential(*layers)
