# the default would be open; the auto-loaded value narrows it
admin_cidrs = ["10.0.0.0/8"]
