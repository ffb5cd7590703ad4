#!/usr/bin/perl
# SPDX-License-Identifier: BSD-2-Clause
# Instructions per function from QEMU's translation-block log
# (qemu-system-arm -d in_asm,exec,nochain -D LOG): every executed block
# counts its instructions to the function its first address falls in
# (arm-none-eabi-nm of ELF; addresses below the ELF's lowest symbol are
# GUEST). With two logs of the same program, N iterations and 0, prints
# the difference divided by N: instructions per iteration.
#   tb-profile.pl ELF LOG_N LOG_0 N
use strict;
use warnings;

@ARGV == 4 or die "usage: $0 ELF LOG_N LOG_0 N\n";
my ($elf, $log_n, $log_0, $n) = @ARGV;
my $nm = $ENV{NM} // 'arm-none-eabi-nm';

my (@addr, @name);
open(my $nmh, '-|', $nm, '-n', $elf) or die "$0: $nm: $!\n";
while (<$nmh>) {
	my ($a, $t, $s) = split;
	next unless defined $s && $t =~ /^[tTwW]$/;
	push @addr, hex $a;
	push @name, $s;
}
close $nmh;
@addr or die "$0: no text symbols in $elf\n";

sub symbol {
	my ($pc) = @_;
	return 'GUEST' if $pc < $addr[0];
	my ($lo, $hi) = (0, $#addr);
	while ($lo < $hi) {
		my $mid = int(($lo + $hi + 1) / 2);
		if ($addr[$mid] <= $pc) { $lo = $mid } else { $hi = $mid - 1 }
	}
	return $name[$lo];
}

sub profile {
	my ($log) = @_;
	my (%size, %count, %sym, $cur);
	open(my $fh, '<', $log) or die "$0: $log: $!\n";
	while (<$fh>) {
		if (/^IN:/) {
			undef $cur;
		} elsif (/^0x([0-9a-f]+):\s/) {
			$cur = hex $1 unless defined $cur;
			$size{$cur}++;
		} elsif (/^Trace [^\[]*\[[0-9a-f]+\/([0-9a-f]+)\//) {
			undef $cur;
			my $pc = hex $1;
			$sym{$pc} //= symbol($pc);
			$count{$sym{$pc}} += $size{$pc} // 1;
		}
	}
	close $fh;
	return \%count;
}

my ($with, $without) = (profile($log_n), profile($log_0));
my %all = map { $_ => 1 } (keys %$with, keys %$without);
my %per = map {
	$_ => (($with->{$_} // 0) - ($without->{$_} // 0)) / $n
} keys %all;
my $total = 0;
$total += $per{$_} for keys %per;
printf "%10s  %s\n", 'instr/iter', 'function';
for my $s (sort { $per{$b} <=> $per{$a} || $a cmp $b } keys %per) {
	printf "%10.1f  %s\n", $per{$s}, $s if abs($per{$s}) >= 0.5;
}
printf "%10.1f  %s\n", $total, 'total';
